package dev.strata.migrations.fleet;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** A connection that returns its {@link ServerGate} permit on the first {@code close()}; everything else is passed on. */
final class GatedConnection implements Connection {
    private final Connection delegate;
    private final Semaphore permits;
    private final AtomicBoolean released = new AtomicBoolean();

    GatedConnection(Connection delegate, Semaphore permits) {
        this.delegate = delegate;
        this.permits = permits;
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } finally {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return delegate.createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String first) throws SQLException {
        return delegate.prepareStatement(first);
    }

    @Override
    public CallableStatement prepareCall(String first) throws SQLException {
        return delegate.prepareCall(first);
    }

    @Override
    public String nativeSQL(String first) throws SQLException {
        return delegate.nativeSQL(first);
    }

    @Override
    public void setAutoCommit(boolean first) throws SQLException {
        delegate.setAutoCommit(first);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public void setReadOnly(boolean first) throws SQLException {
        delegate.setReadOnly(first);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public void setCatalog(String first) throws SQLException {
        delegate.setCatalog(first);
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int first) throws SQLException {
        delegate.setTransactionIsolation(first);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return delegate.getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public Statement createStatement(int first, int second) throws SQLException {
        return delegate.createStatement(first, second);
    }

    @Override
    public PreparedStatement prepareStatement(String first, int second, int third) throws SQLException {
        return delegate.prepareStatement(first, second, third);
    }

    @Override
    public CallableStatement prepareCall(String first, int second, int third) throws SQLException {
        return delegate.prepareCall(first, second, third);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> first) throws SQLException {
        delegate.setTypeMap(first);
    }

    @Override
    public void setHoldability(int first) throws SQLException {
        delegate.setHoldability(first);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String first) throws SQLException {
        return delegate.setSavepoint(first);
    }

    @Override
    public void rollback(Savepoint first) throws SQLException {
        delegate.rollback(first);
    }

    @Override
    public void releaseSavepoint(Savepoint first) throws SQLException {
        delegate.releaseSavepoint(first);
    }

    @Override
    public Statement createStatement(int first, int second, int third) throws SQLException {
        return delegate.createStatement(first, second, third);
    }

    @Override
    public PreparedStatement prepareStatement(String first, int second, int third, int fourth) throws SQLException {
        return delegate.prepareStatement(first, second, third, fourth);
    }

    @Override
    public CallableStatement prepareCall(String first, int second, int third, int fourth) throws SQLException {
        return delegate.prepareCall(first, second, third, fourth);
    }

    @Override
    public PreparedStatement prepareStatement(String first, int second) throws SQLException {
        return delegate.prepareStatement(first, second);
    }

    @Override
    public PreparedStatement prepareStatement(String first, int[] second) throws SQLException {
        return delegate.prepareStatement(first, second);
    }

    @Override
    public PreparedStatement prepareStatement(String first, String[] second) throws SQLException {
        return delegate.prepareStatement(first, second);
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public boolean isValid(int first) throws SQLException {
        return delegate.isValid(first);
    }

    @Override
    public void setClientInfo(String first, String second) throws SQLClientInfoException {
        delegate.setClientInfo(first, second);
    }

    @Override
    public void setClientInfo(Properties first) throws SQLClientInfoException {
        delegate.setClientInfo(first);
    }

    @Override
    public String getClientInfo(String first) throws SQLException {
        return delegate.getClientInfo(first);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return delegate.getClientInfo();
    }

    @Override
    public Array createArrayOf(String first, Object[] second) throws SQLException {
        return delegate.createArrayOf(first, second);
    }

    @Override
    public Struct createStruct(String first, Object[] second) throws SQLException {
        return delegate.createStruct(first, second);
    }

    @Override
    public void setSchema(String first) throws SQLException {
        delegate.setSchema(first);
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public void abort(Executor first) throws SQLException {
        delegate.abort(first);
    }

    @Override
    public void setNetworkTimeout(Executor first, int second) throws SQLException {
        delegate.setNetworkTimeout(first, second);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
