package io.dealflow.deal.imports.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency       batches decided at once: each batch is one transaction and one commit, so a few in
 *                          flight keep the cores busy while others wait for their commit's flush
 * @param batchDeals        deals decided in one transaction, at most
 * @param batchRows         rows decided in one transaction, at most (a batch closes at the deal that reaches it)
 * @param maxRowsPerDeal    a deal with more rows is refused (the rows of one deal are held while it is gathered)
 * @param progressEveryRows how often a running import logs a progress line
 * @param keptJobs          finished imports kept for {@code GET /api/v1/imports/{id}}, most recent first
 */
@ConfigurationProperties("dealflow.imports")
public record ImportProperties(@DefaultValue("4") int concurrency,
                               @DefaultValue("100") int batchDeals,
                               @DefaultValue("2000") int batchRows,
                               @DefaultValue("10000") int maxRowsPerDeal,
                               @DefaultValue("10000") long progressEveryRows,
                               @DefaultValue("100") int keptJobs) {

    public ImportProperties {
        if (concurrency < 1 || batchDeals < 1 || batchRows < 1 || maxRowsPerDeal < 1 || progressEveryRows < 1 || keptJobs < 1) {
            throw new IllegalArgumentException("dealflow.imports.* must be positive");
        }
    }
}
