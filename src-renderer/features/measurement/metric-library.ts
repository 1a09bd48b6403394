// The shipped metric library (templates/library/metric-library.json), validated once at load.
// A broken file never crashes the screen: the library is then empty and the error is shown.
import libraryData from '../../../templates/library/metric-library.json';
import { parseMetricLibrary, type MetricLibraryEntry } from '../../domain/metric';

const parsed = parseMetricLibrary(libraryData);

export const metricLibrary: readonly MetricLibraryEntry[] = parsed.ok ? parsed.library.metrics : [];
export const metricLibraryError: string | null = parsed.ok ? null : parsed.error;
