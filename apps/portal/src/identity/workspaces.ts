import type { MembershipView, UserView } from '@shanhai/contract';
import type { Role } from '@shanhai/domain';

/**
 * The portal serves three kinds of organisation: cooperatives (supplier organisations, where the account holds
 * `supplier_staff` or `supplier_admin`), officials (jurisdiction organisations, role `official`) and the platform's
 * operations (role `operator`: the statistics pipeline and its recomputations). A workspace is one such
 * organisation with the roles the account holds in it; the navigation follows its kind.
 */
export type WorkspaceKind = 'cooperative' | 'official' | 'operations';

export interface Workspace {
  readonly kind: WorkspaceKind;
  readonly organisationId: string;
  readonly organisationName: string;
  /** Cooperative: its county. Official: the division governed. */
  readonly divisionCode: string | null;
  readonly roles: readonly Role[];
}

const KIND_OF: Partial<Record<Role, WorkspaceKind>> = {
  supplier_staff: 'cooperative',
  supplier_admin: 'cooperative',
  official: 'official',
  operator: 'operations',
};

const KIND_ORDER: readonly WorkspaceKind[] = ['cooperative', 'official', 'operations'];

/** The account's portal workspaces, one per organisation, cooperatives first; buyers have none. */
export function workspacesOf(user: Pick<UserView, 'memberships'> | null): Workspace[] {
  if (!user) return [];
  const byOrg = new Map<string, { kind: WorkspaceKind; first: MembershipView; roles: Role[] }>();
  for (const m of user.memberships) {
    const kind = KIND_OF[m.role];
    if (!kind) continue;
    const existing = byOrg.get(m.organisationId);
    if (existing) existing.roles.push(m.role);
    else byOrg.set(m.organisationId, { kind, first: m, roles: [m.role] });
  }
  return [...byOrg.values()]
    .map(({ kind, first, roles }) => ({
      kind,
      organisationId: first.organisationId,
      organisationName: first.organisationName,
      divisionCode: first.divisionCode,
      roles,
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Profile changes and new production bases are the cooperative admin's (the API answers 403 to staff). */
export function isCooperativeAdmin(workspace: Workspace | null): boolean {
  return workspace?.kind === 'cooperative' && workspace.roles.includes('supplier_admin');
}

export type NavKey =
  | 'home'
  | 'profile'
  | 'products'
  | 'stock'
  | 'certification'
  | 'orders'
  | 'agreements'
  | 'pickList'
  | 'money'
  | 'verifySuppliers'
  | 'certifyProducts'
  | 'stats'
  | 'operations';

export interface NavItem {
  readonly key: NavKey;
  readonly path: string;
  /** Shown but marked as coming in a later phase: no API behind it yet. */
  readonly comingSoon?: boolean;
}

const COOPERATIVE_NAV: readonly NavItem[] = [
  { key: 'home', path: '/' },
  { key: 'orders', path: '/orders' },
  { key: 'agreements', path: '/agreements' },
  { key: 'pickList', path: '/pick-list' },
  { key: 'products', path: '/products' },
  { key: 'stock', path: '/stock' },
  { key: 'certification', path: '/certification' },
  { key: 'money', path: '/money' },
  { key: 'profile', path: '/profile' },
  { key: 'stats', path: '/stats' },
];

const OFFICIAL_NAV: readonly NavItem[] = [
  { key: 'home', path: '/' },
  { key: 'verifySuppliers', path: '/suppliers' },
  { key: 'certifyProducts', path: '/certifications' },
  { key: 'stats', path: '/stats' },
];

const OPERATIONS_NAV: readonly NavItem[] = [{ key: 'operations', path: '/operations' }];

/** The navigation of a workspace: what its kind of organisation does here, and nothing else. */
export function navigationFor(kind: WorkspaceKind | null): readonly NavItem[] {
  if (kind === 'cooperative') return COOPERATIVE_NAV;
  if (kind === 'official') return OFFICIAL_NAV;
  if (kind === 'operations') return OPERATIONS_NAV;
  return [];
}
