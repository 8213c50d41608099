import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, parseOrigins } from '../../scripts/csp.ts';

describe('contentSecurityPolicy', () => {
  it('allows no inline or evaluated script and no plugins', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(policy).not.toContain('frame-ancestors'); // embeddable on purpose
  });

  it('adds the origins a deployer allows to connect-src only', () => {
    const policy = contentSecurityPolicy({ connectOrigins: ['https://data.example.org'] });
    expect(policy).toContain("connect-src 'self' https://data.example.org");
    expect(policy).toContain("script-src 'self';");
  });
});

describe('parseOrigins', () => {
  it('keeps origins of http(s) URLs and rejects anything else by name', () => {
    expect(parseOrigins('https://a.example/x, http://b.example:8080', 'V')).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(parseOrigins(undefined, 'V')).toEqual([]);
    expect(() => parseOrigins("javascript:alert(1)", 'VITE_STORY_ORIGINS')).toThrow('invalid origin in VITE_STORY_ORIGINS: javascript:alert(1)');
  });
});
