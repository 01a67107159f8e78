import type { Decision, ItemDecision, Lane, Reason, ScoreJob, ScoredDeclaration, ScoredItem } from '@tareks/schemas';
import { LANES } from '@tareks/schemas';
import type { LaneRouter } from '../lanes/lane-router.js';
import { itemHistoryKeys } from '../features/live-features.js';
import { ModelError, MODEL_ERROR_CODES } from '../model/model.errors.js';
import { explain } from '../model/reasons.js';
import type { RuleConfig } from '../rules/rule-config.js';
import { scoreItemWithRules } from '../rules/rule-engine.js';
import type { ModelPair, ServedModel } from './model-slot.js';
import type { TraderStats } from './trader-history.js';
import { watchListReason, type WatchList } from './watch-list.js';

export interface ModelDecisionInput {
  readonly job: ScoreJob;
  readonly trader: TraderStats;
  /** A pair whose champion is set. */
  readonly pair: ModelPair & { readonly champion: ServedModel };
  readonly router: LaneRouter;
  /** The items' live vectors (LiveVectors.of), row-major. */
  readonly X: Float32Array;
  readonly rules: RuleConfig;
  readonly watchList: WatchList;
  readonly at: Date;
  /** Called when the shadow model fails; the decision goes on without its scores. */
  onShadowError(err: unknown): void;
}

export interface ModelDecision {
  readonly decision: Omit<Decision, 'timings'>;
  readonly scored: ScoredDeclaration;
}

const worst = (a: Lane, b: Lane): Lane => (LANES.indexOf(a) >= LANES.indexOf(b) ? a : b);
const EXPLAINED_REASONS = 3;

/**
 * Decides a declaration with the champion model: ONNX scores, the lane router (capacity thresholds, random control,
 * hard rules and watch list as RULE, trader protection), path contributions as reasons. The shadow model scores the
 * same vectors; its scores are only recorded. Throws the champion's ModelError so the caller can fall back to rules.
 */
export async function decideWithModel(x: ModelDecisionInput): Promise<ModelDecision> {
  const { declaration: d, enrichment } = x.job;
  const X = x.X;
  const scores = await x.pair.champion.scorer.scoreBatch(X);
  const shadowScores = x.pair.shadow ? await x.pair.shadow.scorer.scoreBatch(X).catch((err: unknown) => (x.onShadowError(err), null)) : null;
  const flags = enrichment.flatMap((e) => e.flags);
  const F = x.pair.champion.gbdt.featureNames.length;
  if (X.length !== d.items.length * F) throw new ModelError(MODEL_ERROR_CODES.shape, `model ${x.pair.champion.version} expects ${F} features, vectors have ${X.length / d.items.length}`);
  const trader = { cleanInspections: x.trader.inspections - x.trader.nonCompliant, daysSinceLastNonCompliance: x.trader.nonCompliant > 0 ? 0 : null };
  const items: ItemDecision[] = [];
  const scored: ScoredItem[] = [];
  d.items.forEach((item, i) => {
    const score = scores[i]!;
    const rule = scoreItemWithRules({ gtip: item.gtip, originCountry: item.originCountry, netMassKg: item.netMassKg, value: item.value, trader: x.trader, flags }, x.rules);
    const watched = x.watchList.hit(d, item, x.at);
    const routed = x.router.route({
      score, office: d.customsOffice, domain: d.domain, hardRule: rule.hardRule, watchListed: watched !== null, trader,
    });
    const ruleReasons: Reason[] = routed.cause === 'RULE' ? rule.reasons.filter((r) => r.code in x.rules.registryFlags) : [];
    if (watched) ruleReasons.push(watchListReason(watched));
    const reasons = [...routed.reasons, ...ruleReasons, ...explain(x.pair.champion.gbdt, X, i * F, EXPLAINED_REASONS)];
    items.push({ itemNo: item.itemNo, score, lane: routed.lane, selectionCause: routed.cause, reasons });
    scored.push({
      itemNo: item.itemNo,
      features: Array.from(X.subarray(i * F, (i + 1) * F)),
      score,
      ...(shadowScores ? { shadowScore: shadowScores[i]! } : {}),
      historyKeys: [...itemHistoryKeys(d, item)],
      lane: routed.lane,
      selectionCause: routed.cause,
    });
  });
  const shadowVersion = shadowScores && x.pair.shadow ? x.pair.shadow.version : undefined;
  return {
    decision: {
      declarationId: d.id,
      version: d.version,
      customsOffice: d.customsOffice,
      kind: d.kind,
      domain: d.domain,
      lane: items.reduce<Lane>((l, it) => worst(l, it.lane), 'GREEN'),
      items,
      modelVersion: x.pair.champion.version,
    },
    scored: {
      declarationId: d.id,
      version: d.version,
      customsOffice: d.customsOffice,
      domain: d.domain,
      traderId: d.trader.taxId,
      scoredAt: x.at.toISOString(),
      modelVersion: x.pair.champion.version,
      ...(shadowVersion ? { shadowVersion } : {}),
      items: scored,
    },
  };
}

/** The scored record of a rule decision: live vectors kept for training, the rule score as the champion's. */
export function scoredByRules(job: ScoreJob, decision: Omit<Decision, 'timings'>, X: Float32Array, at: Date): ScoredDeclaration {
  const d = job.declaration;
  const F = X.length / Math.max(1, d.items.length);
  return {
    declarationId: d.id,
    version: d.version,
    customsOffice: d.customsOffice,
    domain: d.domain,
    traderId: d.trader.taxId,
    scoredAt: at.toISOString(),
    modelVersion: decision.modelVersion,
    items: decision.items.map((item, i) => ({
      itemNo: item.itemNo,
      features: Array.from(X.subarray(i * F, (i + 1) * F)),
      score: item.score,
      historyKeys: [...itemHistoryKeys(d, d.items[i]!)],
      lane: item.lane,
      selectionCause: item.selectionCause,
    })),
  };
}
