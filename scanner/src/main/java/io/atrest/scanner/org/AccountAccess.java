package io.atrest.scanner.org;

import io.atrest.scanner.aws.AccountClients;

/** Opens clients inside one account: the caller's own credentials, or an assumed role. */
public interface AccountAccess {

    /**
     * @throws AccountAccessException when the account cannot be entered (AssumeRole refused)
     */
    AccountClients open(String accountId);
}
