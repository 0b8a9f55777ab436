/**
 * A counter of catalog changes made by this process. The facet cache keys on it, so a change made
 * here shows in the very next browse; changes made elsewhere (another API instance, the worker's
 * reservation expiries) show when the cache entry ages out.
 */
let version = 0;

export const catalogVersion = {
  current: (): number => version,
  bump: (): void => {
    version += 1;
  },
};
