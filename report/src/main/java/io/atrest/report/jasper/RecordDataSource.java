package io.atrest.report.jasper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * Feeds records to a JasperReports dataset: a field named like a record component reads that
 * component. Jasper's own bean data source wants JavaBean getters, and the report rows are records.
 */
public final class RecordDataSource implements JRRewindableDataSource {
    private final List<?> rows;
    private final Map<Class<?>, Map<String, Method>> accessors = new HashMap<>();
    private Iterator<?> cursor;
    private Object current;

    public RecordDataSource(Collection<?> rows) {
        this.rows = List.copyOf(rows);
        this.cursor = this.rows.iterator();
    }

    @Override
    public boolean next() {
        if (!cursor.hasNext()) {
            current = null;
            return false;
        }
        current = cursor.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        if (current == null) {
            throw new JRException("no current row for field " + field.getName());
        }
        Method accessor = accessors.computeIfAbsent(current.getClass(), RecordDataSource::accessorsOf).get(field.getName());
        if (accessor == null) {
            throw new JRException(current.getClass().getSimpleName() + " has no component " + field.getName());
        }
        try {
            return accessor.invoke(current);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("cannot read " + field.getName() + " of " + current.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void moveFirst() {
        cursor = rows.iterator();
        current = null;
    }

    private static Map<String, Method> accessorsOf(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Map<String, Method> byName = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            byName.put(component.getName(), accessor);
        }
        return byName;
    }
}
