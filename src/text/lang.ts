import type { Lang } from './types.js';

/** Detects Arabic or English by the share of Arabic letters among all letters (first 5,000 chars). */
export function detectLang(text: string): Lang {
  let arabic = 0;
  let latin = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff))
      arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return arabic >= latin * 0.5 && arabic > 0 ? 'ar' : 'en';
}
