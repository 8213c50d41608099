import { describe, expect, it } from 'vitest';
import { iframeEmbedCode, pymEmbedCode } from './embed-code.ts';
import { buildOembed } from './oembed.ts';

describe('embed code', () => {
  it('gives an iframe on the embed view and the host script', () => {
    const code = iframeEmbedCode({ appUrl: 'https://maps.example.org/live/', storyId: 'iraq-2014', title: 'Iraq "June" <2014>' });
    expect(code).toContain('src="https://maps.example.org/live/?embed&amp;story=iraq-2014"');
    expect(code).toContain('title="Iraq &quot;June&quot; &lt;2014>"');
    expect(code).toContain('<script src="https://maps.example.org/live/embed.js" async></script>');
  });
  it('opens on the time, place and view it was copied at', () => {
    const view = { time: Date.UTC(2014, 5, 13, 15, 40, 20), place: 'jalawla', camera: { center: [45.1712, 34.2711] as [number, number], zoom: 8.256 } };
    const code = iframeEmbedCode({ appUrl: 'https://x.org/m/', storyId: 'a', title: 'A', view });
    expect(code).toContain('src="https://x.org/m/?embed&amp;story=a&amp;t=2014-06-13T15:40Z&amp;place=jalawla&amp;view=34.2711,45.1712,8.26"');
    expect(pymEmbedCode({ appUrl: 'https://x.org/', storyId: 'a', title: 'A', view })).toContain('&t=2014-06-13T15:40Z&place=jalawla&view=34.2711,45.1712,8.26');
  });
  it('escapes the pym form so a title cannot close the script', () => {
    const code = pymEmbedCode({ appUrl: 'https://x.org/', storyId: 'a', title: '</script><b>' });
    expect(code).not.toContain('</script><b>');
  });
});

describe('buildOembed', () => {
  it('is a rich oEmbed 1.0 response with the iframe', () => {
    const o = buildOembed({ id: 'iraq', title: 'Iraq' }, { appUrl: 'https://maps.example.org/' });
    expect(o).toMatchObject({ version: '1.0', type: 'rich', width: 640, height: 640, title: 'Iraq', provider_name: 'Live-blog control map' });
    expect(o.html).toContain('https://maps.example.org/?embed&amp;story=iraq');
  });
  it('keeps a relative app URL when the deployment is unknown', () => {
    expect(buildOembed({ id: 'iraq', title: 'Iraq' }, { appUrl: './' }).html).toContain('src="./?embed&amp;story=iraq"');
  });
});
