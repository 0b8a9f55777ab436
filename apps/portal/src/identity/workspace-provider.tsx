import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSession } from './session-provider';
import { workspacesOf, type Workspace } from './workspaces';

export const WORKSPACE_STORAGE_KEY = 'shanhai.portal.workspace';

export interface WorkspaceContextValue {
  readonly workspaces: readonly Workspace[];
  /** The organisation the portal is working for; null when signed out or the account has no portal role. */
  readonly workspace: Workspace | null;
  choose(organisationId: string): void;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/**
 * The signed-in account's workspaces and the current one. Someone who works for several organisations (a
 * cooperative's staff who is also on another one's) picks one in the header; the choice is remembered.
 */
export function WorkspaceProvider({ storage, children }: { storage: Storage | null; children: ReactNode }) {
  const { user } = useSession();
  const [chosen, setChosen] = useState<string | null>(() => read(storage));
  const workspaces = useMemo(() => workspacesOf(user), [user]);
  const workspace = workspaces.find((w) => w.organisationId === chosen) ?? workspaces[0] ?? null;
  const choose = useCallback(
    (organisationId: string) => {
      setChosen(organisationId);
      try {
        storage?.setItem(WORKSPACE_STORAGE_KEY, organisationId);
      } catch {
        // not remembered; the first workspace comes back next time
      }
    },
    [storage],
  );
  const value = useMemo(() => ({ workspaces, workspace, choose }), [workspaces, workspace, choose]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it');
  return value;
}

/** The current workspace inside pages that are only routed when there is one (see RequireWorkspace). */
export function useCurrentWorkspace(): Workspace {
  const { workspace } = useWorkspace();
  if (!workspace) throw new Error('useCurrentWorkspace() outside a workspace route');
  return workspace;
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(WORKSPACE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
