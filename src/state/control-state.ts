/**
 * Who holds each place at a given time: the pipeline's shared, pure `compileControl`
 * (binary search per place), re-exported so the app has one import point.
 */
export { compileControl, type CompiledControl, type PlaceControl } from '../pipeline/control/control-at.ts';
