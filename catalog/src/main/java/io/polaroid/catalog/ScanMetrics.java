package io.polaroid.catalog;

/**
 * What pruning achieved for one {@link ScanPlan}.
 *
 * @param filesPruned     files skipped entirely, by partition values, file statistics or because every row group was pruned
 * @param rowGroupsPruned row groups skipped, including those of pruned files
 * @param cached          whether the splits read the dataset from memory
 */
public record ScanMetrics(int filesTotal, int filesPruned, int rowGroupsTotal, int rowGroupsPruned, boolean cached) {
}
