/**
 * The schools module's pure allocation engine: classes to host-weeks (HiGHS MIP over a column-generated
 * transportation model), tutors to classes, reasons in Danish, exact shortage reports. No I/O.
 */
export { allocateSchools } from './solve';
export { validateAllocationInput } from './validate';
export { haversineKm } from './geo';
export { formatKm } from './explain';
export { defaultOptions, defaultWeights } from './types';
export type {
  AllocationInput, AllocationLock, AllocationOptions, AllocationResult, AllocationStats, AllocationWeights, Assignment,
  AssignmentReasons, Bottleneck, ForbiddenPair, HostOffer, LocationPrecision, Message, MunicipalityShortage, NoHostCause,
  Problem, SchoolClass, Shortage, Success, Tutor, TutorAssignment,
} from './types';
