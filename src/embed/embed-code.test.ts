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
