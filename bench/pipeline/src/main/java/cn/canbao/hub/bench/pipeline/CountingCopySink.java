package cn.canbao.hub.bench.pipeline;

import cn.canbao.hub.registry.IntakeStore;
import cn.canbao.hub.registry.Quarantine;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.ByteStreamWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seam of benchmark B2: the hub's {@code IntakeStore} as the hub wires it, except that the COPY of a file's
 * accepted records into {@code source_record} ends in a counter instead of PostgreSQL. Everything above the seam —
 * the COPY rows built by {@code FileTransaction} (canonical JSON, escaping), the file's intake row, the receipt —
 * runs as in production; only the bytes' destination differs. Every other statement still goes to the database.
 */
@Configuration(proxyBeanMethods = false)
public class CountingCopySink {

    static final AtomicLong ROWS = new AtomicLong();
    static final AtomicLong BYTES = new AtomicLong();

    /** The database the hub's intake store was given, for the harness to clean up between files. */
    static volatile DataSource database;

    @Bean
    static BeanPostProcessor intakeStoreWithCountingCopy() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof IntakeStore store)) {
                    return bean;
                }
                DataSource real = field(store, "dataSource", DataSource.class);
                database = real;
                return new IntakeStore(counting(real), field(store, "quarantine", Quarantine.class),
                        field(store, "chunkSize", Integer.class));
            }
        };
    }

    private static <T> T field(IntakeStore store, String name, Class<T> type) {
        try {
            Field field = IntakeStore.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(store));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("IntakeStore has no field " + name + " any more: adapt the B2 seam", e);
        }
    }

    private static DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(CountingCopySink.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return method.getName().equals("getConnection") ? counting((Connection) result) : result;
                });
    }

    private static Connection counting(Connection real) {
        return (Connection) Proxy.newProxyInstance(CountingCopySink.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] == PGConnection.class) {
                        return countingCopy(real.unwrap(PGConnection.class), real.unwrap(BaseConnection.class));
                    }
                    return invoke(real, method, args);
                });
    }

    private static PGConnection countingCopy(PGConnection real, BaseConnection base) throws SQLException {
        CopyManager copies = new CopyManager(base) {
            @Override
            public CopyIn copyIn(String sql) throws SQLException {
                return sql.contains("COPY source_record") ? new CountingCopyIn() : super.copyIn(sql);
            }
        };
        InvocationHandler handler = (proxy, method, args) -> method.getName().equals("getCopyAPI")
                ? copies : invoke(real, method, args);
        return (PGConnection) Proxy.newProxyInstance(CountingCopySink.class.getClassLoader(),
                new Class<?>[] {PGConnection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Counts the bytes and rows (lines of COPY's text format) it is sent; reading every byte stands for the send. */
    private static final class CountingCopyIn implements CopyIn {

        private boolean active = true;
        private long rows;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            long lines = 0;
            for (int i = off, end = off + siz; i < end; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            rows += lines;
            ROWS.addAndGet(lines);
            BYTES.addAndGet(siz);
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException("FileTransaction writes byte arrays");
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            active = false;
            return rows;
        }

        @Override
        public int getFieldCount() {
            return 9;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return rows;
        }
    }
}
