import { canonicalQuantity, QUANTITY_FORMAT_ERROR } from '../validation/quantity';

// Resource lists are re-serialized canonically on every write (SetDefaults_ResourceList rounds
// up to milli-units; Quantity marshals in canonical form), so "0.5" is stored as "500m".

/** Thrown by defaulting when a quantity cannot be decoded; the strategy turns it into a 400. */
export class QuantityFormatError extends Error {
  constructor() {
    super(QUANTITY_FORMAT_ERROR);
  }
}

/** Rewrites every quantity in a resource list to canonical form, in place. */
export function canonicalizeResourceList(list: Record<string, string | number> | undefined): void {
  if (!list) return;
  for (const [name, value] of Object.entries(list)) {
    const canonical = canonicalQuantity(value, true);
    if (canonical === undefined) throw new QuantityFormatError();
    if (value !== canonical) list[name] = canonical;
  }
}
