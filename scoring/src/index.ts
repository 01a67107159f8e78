export { loadRuleConfig, DEFAULT_RULES_PATH, type RuleConfig } from './rules/rule-config.js';
export { scoreItemWithRules, laneForScore, valuePerKgUsd, type RuleInput, type RuleScore } from './rules/rule-engine.js';
export { reasonText, RULE_REASON_TEXT } from './rules/rule-reasons.js';
export { decideWithRules, ruleModelVersion } from './score/rule-scorer.js';
export { createScoreWorker, type ScoreWorkerOptions } from './score/score.worker.js';
export { NO_HISTORY, type TraderHistoryReader, type TraderStats } from './score/trader-history.js';
