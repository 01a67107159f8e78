import { createHash } from 'node:crypto';
import type { Decision, ItemDecision, Lane, ScoreJob } from '@tareks/schemas';
import { LANES } from '@tareks/schemas';
import type { RuleConfig } from '../rules/rule-config.js';
import { laneForScore, scoreItemWithRules } from '../rules/rule-engine.js';
import type { TraderStats } from './trader-history.js';
import { EMPTY_WATCH_LIST, watchListReason, type WatchList } from './watch-list.js';

const worst = (a: Lane, b: Lane): Lane => (LANES.indexOf(a) >= LANES.indexOf(b) ? a : b);

/** Model version label of the rule baseline: changes whenever the weights file changes. */
export function ruleModelVersion(config: RuleConfig): string {
  return `rules-${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 10)}`;
}

/**
 * Decides a declaration with the rule baseline. Registry flags are hard rules: such items are never GREEN; watched
 * items go to RED (cause RULE), as under the model.
 */
export function decideWithRules(job: ScoreJob, trader: TraderStats, config: RuleConfig, watchList: WatchList = EMPTY_WATCH_LIST, at = new Date()): Omit<Decision, 'timings'> {
  const flags = job.enrichment.flatMap((e) => e.flags);
  const items: ItemDecision[] = job.declaration.items.map((item) => {
    const r = scoreItemWithRules({ gtip: item.gtip, originCountry: item.originCountry, netMassKg: item.netMassKg, value: item.value, trader, flags }, config);
    const byScore = laneForScore(r.score, config.thresholds);
    const watched = watchList.hit(job.declaration, item, at);
    if (watched) return { itemNo: item.itemNo, score: r.score, lane: 'RED', selectionCause: 'RULE', reasons: [...r.reasons, watchListReason(watched)] };
    const lane = r.hardRule ? worst(byScore, 'YELLOW') : byScore;
    return { itemNo: item.itemNo, score: r.score, lane, selectionCause: lane !== byScore ? 'RULE' : 'RISK', reasons: r.reasons };
  });
  return {
    declarationId: job.declaration.id,
    version: job.declaration.version,
    customsOffice: job.declaration.customsOffice,
    kind: job.declaration.kind,
    domain: job.declaration.domain,
    lane: items.reduce<Lane>((l, i) => worst(l, i.lane), 'GREEN'),
    items,
    modelVersion: ruleModelVersion(config),
  };
}
