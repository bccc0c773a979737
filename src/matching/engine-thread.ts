import { serveOneRequest } from '../common/threads/engine-thread';
import { computeSuggestions, recommendInvitees } from './engine';
import type { EngineProgress, EngineRequest } from './engine-runner';

/** Runs one matching engine call off the main thread (see EngineRunner). */
serveOneRequest<EngineRequest, EngineProgress>((request, progress) =>
  request.kind === 'suggestions'
    ? computeSuggestions(request.input, {
        top: request.top,
        onProgress: (done, total) => progress({ done, total }),
      })
    : recommendInvitees(request.input),
);
