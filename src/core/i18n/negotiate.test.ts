import { describe, expect, it } from 'vitest';
import { pickLocale } from './negotiate.js';

const available = ['ar', 'en'];

describe('pickLocale', () => {
  it('answers in Arabic when nothing is asked', () => {
    expect(pickLocale({ available })).toBe('ar');
    expect(pickLocale({ acceptLanguage: 'fr-FR, de;q=0.5', available })).toBe('ar');
  });

  it('takes ?lang= first, then the cookie, then Accept-Language', () => {
    expect(pickLocale({ query: 'en', cookie: 'ar', acceptLanguage: 'ar', available })).toBe('en');
    expect(pickLocale({ cookie: 'en', acceptLanguage: 'ar', available })).toBe('en');
    expect(pickLocale({ acceptLanguage: 'en-GB,en;q=0.9', available })).toBe('en');
  });

  it('skips what it cannot serve and moves on', () => {
    expect(pickLocale({ query: 'xx', cookie: 'en', available })).toBe('en');
    expect(pickLocale({ query: '<script>', acceptLanguage: 'en', available })).toBe('en');
  });

  it('matches regional and differently written tags to the language', () => {
    expect(pickLocale({ acceptLanguage: 'ar-SY', available })).toBe('ar');
    expect(pickLocale({ query: 'EN_us', available })).toBe('en');
  });

  it('follows Accept-Language weights, not their order, and ignores q=0', () => {
    expect(pickLocale({ acceptLanguage: 'fr;q=0.9, en;q=0.5, ar;q=0.8', available })).toBe('ar');
    expect(pickLocale({ acceptLanguage: 'en;q=0, *;q=0.5', available })).toBe('ar');
  });

  it('offers locales added later without code changes', () => {
    expect(pickLocale({ acceptLanguage: 'ku-TR, en;q=0.5', available: ['ar', 'en', 'ku'] })).toBe('ku');
  });
});
