package io.dealflow.deal.deal.query;

import java.util.List;

/** The Page representation of DESIGN §4: page numbers start at 0. */
public record DealPage(List<DealView> items, int page, int size, long total) {
}
