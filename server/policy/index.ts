export { actions, can, permissionsOf } from './policy';
export type { Action, Actor, Resource } from './policy';
export { authorize, authorizeAny, requireActor } from './authorize';
