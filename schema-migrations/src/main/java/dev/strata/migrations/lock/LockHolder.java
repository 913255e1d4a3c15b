package dev.strata.migrations.lock;

/** The session holding a lock, as PostgreSQL reports it, so a waiting user knows whom to ask. */
public record LockHolder(int pid, String applicationName, String user, String clientAddress) {
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("pid ").append(pid);
        if (applicationName != null && !applicationName.isBlank()) {
            text.append(" (application_name '").append(applicationName).append("'");
            if (user != null) {
                text.append(", user ").append(user);
            }
            text.append(")");
        } else if (user != null) {
            text.append(" (user ").append(user).append(")");
        }
        if (clientAddress != null) {
            text.append(" from ").append(clientAddress);
        }
        return text.toString();
    }
}
