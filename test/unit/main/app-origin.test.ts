// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { appUrlForRoute, isAppUrl, resolveDevServerUrl } from '../../../src-main/app-origin';

describe('isAppUrl', () => {
  it('trusts app://centric only', () => {
    expect(isAppUrl('app://centric/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://centric/index.html#/x', undefined)).toBe(true);
    expect(isAppUrl('app://centric.evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://centric@evil/', undefined)).toBe(false);
    expect(isAppUrl('app://centric:8080/', undefined)).toBe(false);
    expect(isAppUrl('file:///index.html', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('trusts the dev server origin only when one is set', () => {
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
  });
});

describe('appUrlForRoute', () => {
  it('appends the hash route to the entry page', () => {
    expect(appUrlForRoute('#/present/abc', undefined)).toBe('app://centric/index.html#/present/abc');
    expect(appUrlForRoute('#/present/abc', 'http://localhost:5173/')).toBe('http://localhost:5173/#/present/abc');
  });
});

describe('resolveDevServerUrl', () => {
  it('is ignored in a packaged build, whatever it says', () => {
    expect(resolveDevServerUrl(true, 'http://localhost:5173/')).toBeUndefined();
    expect(resolveDevServerUrl(true, 'https://evil.example/')).toBeUndefined();
  });

  it('in development honours only an http(s) loopback URL', () => {
    expect(resolveDevServerUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(resolveDevServerUrl(false, 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(resolveDevServerUrl(false, 'http://[::1]:5173/')).toBe('http://[::1]:5173/');
    expect(resolveDevServerUrl(false, undefined)).toBeUndefined();
    expect(resolveDevServerUrl(false, '')).toBeUndefined();
    expect(resolveDevServerUrl(false, 'https://evil.example/')).toBeUndefined();
    expect(resolveDevServerUrl(false, 'http://localhost.evil.example/')).toBeUndefined();
    expect(resolveDevServerUrl(false, 'http://user@localhost:5173/')).toBeUndefined();
    expect(resolveDevServerUrl(false, 'file:///tmp/index.html')).toBeUndefined();
    expect(resolveDevServerUrl(false, 'not a url')).toBeUndefined();
  });
});
