package org.customsbridge.operations;

import java.util.List;

/** One page of declarations, newest update first, with the number of all that match. */
public record DeclarationPage(int page, int size, long total, List<DeclarationView> items) {
}
