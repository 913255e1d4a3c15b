CREATE OR REPLACE VIEW stock_per_warehouse AS
SELECT w.code, sum(s.quantity) AS total
FROM warehouse w
JOIN stock_item s ON s.warehouse_id = w.id
GROUP BY w.code;
