package com.example.app;

import static com.example.db.Tables.CUSTOMER;
import static com.example.db.Tables.INVOICE;

import com.example.db.tables.pojos.Customer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Application code written against the generated classes. */
public final class Billing {
    private final DSLContext dsl;

    public Billing(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long addCustomer(String email) {
        return dsl.insertInto(CUSTOMER).set(CUSTOMER.EMAIL, email).returning(CUSTOMER.ID).fetchOne(CUSTOMER.ID);
    }

    public void invoice(long customerId, int amountCents) {
        dsl.insertInto(INVOICE).set(INVOICE.CUSTOMER_ID, customerId).set(INVOICE.AMOUNT_CENTS, amountCents).execute();
    }

    public int totalCents(String email) {
        Integer total = dsl.select(DSL.sum(INVOICE.AMOUNT_CENTS).cast(Integer.class))
                .from(INVOICE).join(CUSTOMER).on(CUSTOMER.ID.eq(INVOICE.CUSTOMER_ID))
                .where(CUSTOMER.EMAIL.eq(email))
                .fetchOne(0, Integer.class);
        return total == null ? 0 : total;
    }

    public Customer customer(String email) {
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.EMAIL.eq(email)).fetchOneInto(Customer.class);
    }
}
