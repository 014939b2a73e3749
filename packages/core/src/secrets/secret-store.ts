import type { SecretBox } from './secret-box.js';

// The one box of this process. Repositories seal and open through it (they take `db` first
// and are called from every role, service and import path; threading a key through each
// call would put it in every signature). Only composition roots and test setups install it,
// from the configuration their main.ts parsed (architecture rule 9).
let installed: SecretBox | undefined;

export function installSecretBox(box: SecretBox): void {
  installed = box;
}

export function secretBox(): SecretBox {
  if (!installed) {
    throw new Error('No secrets key installed: the composition root must call installSecretBox');
  }
  return installed;
}

/** A nullable text column's value as stored. */
export function sealText(field: string, clear: string | null): string | null {
  return clear === null ? null : secretBox().seal(field, clear);
}

/** A nullable text column's clear value. */
export function openText(field: string, stored: string | null): string | null {
  return stored === null ? null : secretBox().open(field, stored);
}
