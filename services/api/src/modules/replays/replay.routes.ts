import { applicationAccess } from '../../http/access-rule';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { ReplayCreatedView, ReplayView } from '../../http/views';
import { ReplayCreateDto, ReplayIdParamsDto } from './replay.dto';

const base = { tag: 'Replays', auth: 'token', rateLimit: 'caller' } as const;

/** Replays by query, an extension (docs/api.md "Replays"). */
export const replayRoutes = {
  create: defineRoute({
    ...base,
    method: 'post',
    path: '/replays',
    operationId: 'replays.create',
    summary: 'Replay the deliveries a query matches, to their subscriptions only, at REPLAY_RATE (extension)',
    access: applicationAccess('write', 'body'),
    body: ReplayCreateDto,
    status: 202,
    view: ReplayCreatedView,
  }),
  get: defineRoute({
    ...base,
    method: 'get',
    path: '/replays/:replay_id',
    operationId: 'replays.get',
    summary: "A replay's progress (extension)",
    access: applicationAccess('read', 'query'),
    params: ReplayIdParamsDto,
    query: ApplicationQueryDto,
    status: 200,
    view: ReplayView,
  }),
  cancel: defineRoute({
    ...base,
    method: 'delete',
    path: '/replays/:replay_id',
    operationId: 'replays.cancel',
    summary: 'Cancel a running replay: nothing more is scheduled (extension)',
    access: applicationAccess('write', 'query'),
    params: ReplayIdParamsDto,
    query: ApplicationQueryDto,
    status: 200,
    view: ReplayView,
  }),
};
