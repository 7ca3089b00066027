package cn.canbao.hub.connector.transport;

import com.fasterxml.jackson.core.JacksonException;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells the failures of the infrastructure — a database or exchange server that does not answer, which justify
 * trying again without end — from the hub's own, which a delivery must not be retried for for ever.
 */
final class Faults {

    private Faults() {
    }

    static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SftpException sftp) {
                return isConnectionLost(sftp);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
                return true;
            }
            // the exchange server's session and the streams read from it; a parser's or decoder's complaint about
            // the bytes is an IOException too, and is not the infrastructure's
            if (cause instanceof IOException && !(cause instanceof JacksonException)
                    && !(cause instanceof CharacterCodingException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An SFTP status the exchange server answered with (no such file, permission denied, a name too long…) is about
     * the request, not the server; JSch reports a lost connection as a failure caused by an I/O error.
     */
    private static boolean isConnectionLost(SftpException sftp) {
        return sftp.id == ChannelSftp.SSH_FX_NO_CONNECTION || sftp.id == ChannelSftp.SSH_FX_CONNECTION_LOST
                || sftp.getCause() instanceof IOException || sftp.getCause() instanceof JSchException;
    }

    /** SQL states of a server that is gone, shutting down, out of resources, or of a conflict worth a retry. */
    private static boolean isUnavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("58") || state.equals("40001") || state.equals("40P01"));
    }
}
