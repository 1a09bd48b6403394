// Segment value & needs maps: per segment, its needs, the offer against them, the fit, and
// its value. Plain readonly data and pure functions; no React, Dexie or DOM. Field names are
// stored in IndexedDB ("segments" table) and in backups: changing one needs a migration.

export const needKinds = ['job', 'pain', 'gain'] as const;
export type NeedKind = (typeof needKinds)[number];

export const offerKinds = ['product', 'pain-reliever', 'gain-creator'] as const;
export type OfferKind = (typeof offerKinds)[number];

export const needKindLabels: Readonly<Record<NeedKind, string>> = { job: 'Jobs', pain: 'Pains', gain: 'Gains' };
export const offerKindLabels: Readonly<Record<OfferKind, string>> = {
  product: 'Products & services',
  'pain-reliever': 'Pain relievers',
  'gain-creator': 'Gain creators',
};

export interface Need {
  readonly id: string;
  readonly kind: NeedKind;
  readonly text: string;
  /** 1 (nice to have) to 5 (essential). */
  readonly importance: number;
}

export interface Offer {
  readonly id: string;
  readonly kind: OfferKind;
  readonly text: string;
  /** The needs this offer answers. */
  readonly needIds: readonly string[];
}

export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

export interface Segment {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly description: string;
  readonly color: string;
  readonly needs: readonly Need[];
  readonly offers: readonly Offer[];
  /** Number of customers (or accounts) in the segment. */
  readonly size: number;
  /** Value today, per year, in the workshop's currency. */
  readonly currentValue: number;
  /** Value the segment could bring, per year. */
  readonly potentialValue: number;
  /** The priority the room agreed, or null while undecided (the suggestion is shown instead). */
  readonly priority: Priority | null;
  /** Position in the list (ascending). */
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

export const segmentLimits = {
  name: 80,
  description: 1000,
  needText: 300,
  offerText: 300,
  needsPerSegment: 60,
  offersPerSegment: 60,
  /** Largest number accepted for size and values. */
  maxNumber: 1e12,
} as const;
