package cn.canbao.hub.reliability.fuzz;

/**
 * A row the civil-affairs side inserts into the front database's {@code mz_jzdx_exchange} (spec §4.10). Every value
 * is text that PostgreSQL casts to the column's type, so odd dates ({@code infinity}, BC) can be written; the values
 * always fit the columns, since the civil side's own database would refuse anything else.
 */
public record MalformedRow(long seq, String idNumber, String name, String category, String region, String validFrom,
                           String validTo, String op, String opTime, String mutation) implements FuzzInput {

    @Override
    public Kind kind() {
        return Kind.ROW;
    }

    @Override
    public String id() {
        return Long.toString(seq);
    }

    @Override
    public String format() {
        return "CIVIL row";
    }
}
