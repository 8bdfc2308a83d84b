package io.atrest.scanner.org;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.Organization;
import java.util.List;

/** The organization and its active accounts, as the walk found them. */
public record OrganizationView(Organization organization, List<Account> accounts) {}
