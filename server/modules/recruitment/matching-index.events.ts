import { onCandidatesChanged } from './candidates.events';
import { markCandidatesChanged } from './matching-index';

// The candidate service's change events keep the shortlist's index current in this process (imported for the effect).
onCandidatesChanged((partnershipId, candidateIds) => markCandidatesChanged(partnershipId, candidateIds));
