package io.dealflow.platform.security;

import io.dealflow.api.access.AccessClaims;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The departments a caller acts for: a list of department ids, or all of them ({@code *}). A department owns the
 * pipelines whose definition names it ({@code department: sales}), and with them their deals, tasks, handoffs and
 * reports.
 */
public final class Departments {

    public static final Departments ALL = new Departments(true, Set.of());
    public static final Departments NONE = new Departments(false, Set.of());

    private final boolean all;
    private final Set<String> ids;

    private Departments(boolean all, Set<String> ids) {
        this.all = all;
        this.ids = Set.copyOf(ids);
    }

    /** {@code *} anywhere in the list stands for every department. */
    public static Departments of(Collection<String> ids) {
        if (ids.contains(AccessClaims.ALL_DEPARTMENTS)) {
            return ALL;
        }
        return new Departments(false, ids.stream().filter(Objects::nonNull).map(String::trim)
                .filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toSet()));
    }

    /** The {@code departments} claim: an array of ids, a single id, or {@code *}; anything else is no department. */
    public static Departments fromClaim(Object claim) {
        if (claim instanceof String single) {
            return of(Set.of(single));
        }
        if (claim instanceof Collection<?> many) {
            return of(many.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
        return NONE;
    }

    public boolean isAll() {
        return all;
    }

    public boolean includes(String department) {
        return all || ids.contains(department);
    }

    /** The ids a listing is limited to, or empty when the caller acts for every department. */
    public Optional<Set<String>> restriction() {
        return all ? Optional.empty() : Optional.of(ids);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Departments that && all == that.all && ids.equals(that.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, ids);
    }

    /** {@code *}, or the ids in order, as a problem detail shows them. */
    @Override
    public String toString() {
        return all ? AccessClaims.ALL_DEPARTMENTS : String.join(", ", new TreeSet<>(ids));
    }
}
