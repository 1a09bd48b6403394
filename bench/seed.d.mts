// Types for seed.mjs (plain JS so the benchmark runs in Node without a build), for the
// end-to-end tests that seed the same rows.
import type { Page } from '@playwright/test';

export interface SeedJourney {
  readonly journey: { readonly id: string; readonly [field: string]: unknown };
  readonly cards: readonly { readonly id: string; readonly [field: string]: unknown }[];
}
export function workshopRow(id: string, title: string): Record<string, unknown>;
export function syntheticJourney(workshopId: string, n: number): SeedJourney;
export function fixtureJourney(workshopId: string, fixture: unknown): SeedJourney;
export function putRows(page: Page, rows: Record<string, readonly unknown[]>): Promise<void>;
