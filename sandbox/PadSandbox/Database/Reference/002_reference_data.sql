-- A small fictional firm: 24 people in a manager hierarchy, their e-mails and names in oracle_contact, 33 securities,
-- firm positions in some of them (those are the firm-trading conflicts). No real people.
INSERT INTO bo_airflow.oracle_employee (id, mako_id, status, division_id, cost_centre, manager_id, manager, start_date) VALUES
    (1001, 'ASHDOWMO', 'Active', 1, 'CC100', NULL, NULL, DATE '2015-01-15'),
    (1002, 'BLAKEJO', 'Active', 2, 'CC200', 1001, 'ASHDOWMO', DATE '2016-02-15'),
    (1003, 'RIVERASA', 'Active', 3, 'CC310', 1001, 'ASHDOWMO', DATE '2017-03-15'),
    (1004, 'QUINNTA', 'Active', 4, 'CC320', 1001, 'ASHDOWMO', DATE '2018-04-15'),
    (1005, 'HALERO', 'Active', 5, 'CC400', 1001, 'ASHDOWMO', DATE '2019-05-15'),
    (1006, 'KESTREDR', 'Active', 2, 'CC200', 1002, 'BLAKEJO', DATE '2020-06-15'),
    (1007, 'LUNDAV', 'Active', 6, 'CC500', 1001, 'ASHDOWMO', DATE '2021-07-15'),
    (1008, 'LINDQVCA', 'Active', 3, 'CC310', 1003, 'RIVERASA', DATE '2022-08-15'),
    (1009, 'ORTEGAJA', 'Active', 3, 'CC310', 1003, 'RIVERASA', DATE '2023-09-15'),
    (1010, 'MORGANAL', 'Active', 3, 'CC310', 1003, 'RIVERASA', DATE '2024-01-15'),
    (1011, 'FENWICRI', 'Active', 3, 'CC310', 1003, 'RIVERASA', DATE '2015-02-15'),
    (1012, 'MOSSCH', 'Active', 4, 'CC320', 1004, 'QUINNTA', DATE '2016-03-15'),
    (1013, 'DUNMORFR', 'Active', 4, 'CC320', 1004, 'QUINNTA', DATE '2017-04-15'),
    (1014, 'VANCEHA', 'Active', 4, 'CC320', 1004, 'QUINNTA', DATE '2018-05-15'),
    (1015, 'PIKEEM', 'Active', 5, 'CC400', 1005, 'HALERO', DATE '2019-06-15'),
    (1016, 'TATERO', 'Active', 5, 'CC400', 1005, 'HALERO', DATE '2020-07-15'),
    (1017, 'WHITLOSA', 'Active', 5, 'CC400', 1005, 'HALERO', DATE '2021-08-15'),
    (1018, 'HARROWQU', 'Active', 6, 'CC500', 1007, 'LUNDAV', DATE '2022-09-15'),
    (1019, 'CALDERRE', 'Active', 6, 'CC500', 1007, 'LUNDAV', DATE '2023-01-15'),
    (1020, 'BRANDTSK', 'Active', 6, 'CC500', 1007, 'LUNDAV', DATE '2024-02-15'),
    (1021, 'ELLERYPA', 'Active', 6, 'CC500', 1007, 'LUNDAV', DATE '2015-03-15'),
    (1022, 'CORRHA', 'Active', 3, 'CC310', 1003, 'RIVERASA', DATE '2016-04-15'),
    (1023, 'PENROSLO', 'Active', 4, 'CC320', 1004, 'QUINNTA', DATE '2017-05-15'),
    (1024, 'ASHBYBL', 'Active', 5, 'CC400', 1005, 'HALERO', DATE '2018-06-15');
-- Work contacts (contact_group_id 2): an e-mail (contact_type_id 5) and a telephone (type 1) each.
INSERT INTO bo_airflow.oracle_contact (id, employee_id, contact_group_id, contact_type_id, email, forename, surname, telephone) VALUES
    (5000, 1001, 2, 5, 'morgan.ashdown@paduat.example', 'Morgan', 'Ashdown', NULL),
    (5001, 1001, 2, 1, NULL, 'Morgan', 'Ashdown', '+44 20 7946 0000'),
    (5002, 1002, 2, 5, 'jordan.blake@paduat.example', 'Jordan', 'Blake', NULL),
    (5003, 1002, 2, 1, NULL, 'Jordan', 'Blake', '+44 20 7946 0001'),
    (5004, 1003, 2, 5, 'sam.rivera@paduat.example', 'Sam', 'Rivera', NULL),
    (5005, 1003, 2, 1, NULL, 'Sam', 'Rivera', '+44 20 7946 0002'),
    (5006, 1004, 2, 5, 'taylor.quinn@paduat.example', 'Taylor', 'Quinn', NULL),
    (5007, 1004, 2, 1, NULL, 'Taylor', 'Quinn', '+44 20 7946 0003'),
    (5008, 1005, 2, 5, 'robin.hale@paduat.example', 'Robin', 'Hale', NULL),
    (5009, 1005, 2, 1, NULL, 'Robin', 'Hale', '+44 20 7946 0004'),
    (5010, 1006, 2, 5, 'drew.kestrel@paduat.example', 'Drew', 'Kestrel', NULL),
    (5011, 1006, 2, 1, NULL, 'Drew', 'Kestrel', '+44 20 7946 0005'),
    (5012, 1007, 2, 5, 'avery.lund@paduat.example', 'Avery', 'Lund', NULL),
    (5013, 1007, 2, 1, NULL, 'Avery', 'Lund', '+44 20 7946 0006'),
    (5014, 1008, 2, 5, 'casey.lindqvist@paduat.example', 'Casey', 'Lindqvist', NULL),
    (5015, 1008, 2, 1, NULL, 'Casey', 'Lindqvist', '+44 20 7946 0007'),
    (5016, 1009, 2, 5, 'jamie.ortega@paduat.example', 'Jamie', 'Ortega', NULL),
    (5017, 1009, 2, 1, NULL, 'Jamie', 'Ortega', '+44 20 7946 0008'),
    (5018, 1010, 2, 5, 'alex.morgan@paduat.example', 'Alex', 'Morgan', NULL),
    (5019, 1010, 2, 1, NULL, 'Alex', 'Morgan', '+44 20 7946 0009'),
    (5020, 1011, 2, 5, 'riley.fenwick@paduat.example', 'Riley', 'Fenwick', NULL),
    (5021, 1011, 2, 1, NULL, 'Riley', 'Fenwick', '+44 20 7946 0010'),
    (5022, 1012, 2, 5, 'charlie.moss@paduat.example', 'Charlie', 'Moss', NULL),
    (5023, 1012, 2, 1, NULL, 'Charlie', 'Moss', '+44 20 7946 0011'),
    (5024, 1013, 2, 5, 'frankie.dunmore@paduat.example', 'Frankie', 'Dunmore', NULL),
    (5025, 1013, 2, 1, NULL, 'Frankie', 'Dunmore', '+44 20 7946 0012'),
    (5026, 1014, 2, 5, 'harper.vance@paduat.example', 'Harper', 'Vance', NULL),
    (5027, 1014, 2, 1, NULL, 'Harper', 'Vance', '+44 20 7946 0013'),
    (5028, 1015, 2, 5, 'emerson.pike@paduat.example', 'Emerson', 'Pike', NULL),
    (5029, 1015, 2, 1, NULL, 'Emerson', 'Pike', '+44 20 7946 0014'),
    (5030, 1016, 2, 5, 'rowan.tate@paduat.example', 'Rowan', 'Tate', NULL),
    (5031, 1016, 2, 1, NULL, 'Rowan', 'Tate', '+44 20 7946 0015'),
    (5032, 1017, 2, 5, 'sage.whitlow@paduat.example', 'Sage', 'Whitlow', NULL),
    (5033, 1017, 2, 1, NULL, 'Sage', 'Whitlow', '+44 20 7946 0016'),
    (5034, 1018, 2, 5, 'quinn.harrow@paduat.example', 'Quinn', 'Harrow', NULL),
    (5035, 1018, 2, 1, NULL, 'Quinn', 'Harrow', '+44 20 7946 0017'),
    (5036, 1019, 2, 5, 'reese.calder@paduat.example', 'Reese', 'Calder', NULL),
    (5037, 1019, 2, 1, NULL, 'Reese', 'Calder', '+44 20 7946 0018'),
    (5038, 1020, 2, 5, 'skyler.brandt@paduat.example', 'Skyler', 'Brandt', NULL),
    (5039, 1020, 2, 1, NULL, 'Skyler', 'Brandt', '+44 20 7946 0019'),
    (5040, 1021, 2, 5, 'parker.ellery@paduat.example', 'Parker', 'Ellery', NULL),
    (5041, 1021, 2, 1, NULL, 'Parker', 'Ellery', '+44 20 7946 0020'),
    (5042, 1022, 2, 5, 'hayden.corr@paduat.example', 'Hayden', 'Corr', NULL),
    (5043, 1022, 2, 1, NULL, 'Hayden', 'Corr', '+44 20 7946 0021'),
    (5044, 1023, 2, 5, 'logan.penrose@paduat.example', 'Logan', 'Penrose', NULL),
    (5045, 1023, 2, 1, NULL, 'Logan', 'Penrose', '+44 20 7946 0022'),
    (5046, 1024, 2, 5, 'blair.ashby@paduat.example', 'Blair', 'Ashby', NULL),
    (5047, 1024, 2, 1, NULL, 'Blair', 'Ashby', '+44 20 7946 0023');
-- A personal contact (group 1) too: only work contacts are the firm's e-mail for a person.
INSERT INTO bo_airflow.oracle_contact (id, employee_id, contact_group_id, contact_type_id, email, forename, surname, telephone) VALUES
    (5900, 1010, 1, 5, 'alex.morgan@home.example', 'Alex', 'Morgan', NULL);
INSERT INTO bo_airflow.oracle_bloomberg (id, ticker, bloomberg, description, inst_symbol, inst_type, trade_currency) VALUES
    (2001, 'AAPL', 'AAPL US Equity', 'Apple Inc', 'AAPL.O', 'Common Stock', 'USD'),
    (2002, 'MSFT', 'MSFT US Equity', 'Microsoft Corp', 'MSFT.O', 'Common Stock', 'USD'),
    (2003, 'GOOGL', 'GOOGL US Equity', 'Alphabet Inc Class A', 'GOOGL.O', 'Common Stock', 'USD'),
    (2004, 'TSLA', 'TSLA US Equity', 'Tesla Inc', 'TSLA.O', 'Common Stock', 'USD'),
    (2005, 'AMZN', 'AMZN US Equity', 'Amazon.com Inc', 'AMZN.O', 'Common Stock', 'USD'),
    (2006, 'NVDA', 'NVDA US Equity', 'NVIDIA Corp', 'NVDA.O', 'Common Stock', 'USD'),
    (2007, 'META', 'META US Equity', 'Meta Platforms Inc', 'META.O', 'Common Stock', 'USD'),
    (2008, 'JPM', 'JPM US Equity', 'JPMorgan Chase & Co', 'JPM.O', 'Common Stock', 'USD'),
    (2009, 'BAC', 'BAC US Equity', 'Bank of America Corp', 'BAC.O', 'Common Stock', 'USD'),
    (2010, 'V', 'V US Equity', 'Visa Inc Class A', 'V.O', 'Common Stock', 'USD'),
    (2011, 'MA', 'MA US Equity', 'Mastercard Inc', 'MA.O', 'Common Stock', 'USD'),
    (2012, 'KO', 'KO US Equity', 'Coca-Cola Co', 'KO.O', 'Common Stock', 'USD'),
    (2013, 'PEP', 'PEP US Equity', 'PepsiCo Inc', 'PEP.O', 'Common Stock', 'USD'),
    (2014, 'DIS', 'DIS US Equity', 'Walt Disney Co', 'DIS.O', 'Common Stock', 'USD'),
    (2015, 'NFLX', 'NFLX US Equity', 'Netflix Inc', 'NFLX.O', 'Common Stock', 'USD'),
    (2016, 'INTC', 'INTC US Equity', 'Intel Corp', 'INTC.O', 'Common Stock', 'USD'),
    (2017, 'AMD', 'AMD US Equity', 'Advanced Micro Devices Inc', 'AMD.O', 'Common Stock', 'USD'),
    (2018, 'ORCL', 'ORCL US Equity', 'Oracle Corp', 'ORCL.O', 'Common Stock', 'USD'),
    (2019, 'IBM', 'IBM US Equity', 'International Business Machines', 'IBM.O', 'Common Stock', 'USD'),
    (2020, 'CSCO', 'CSCO US Equity', 'Cisco Systems Inc', 'CSCO.O', 'Common Stock', 'USD'),
    (2021, 'XOM', 'XOM US Equity', 'Exxon Mobil Corp', 'XOM.O', 'Common Stock', 'USD'),
    (2022, 'CVX', 'CVX US Equity', 'Chevron Corp', 'CVX.O', 'Common Stock', 'USD'),
    (2023, 'PFE', 'PFE US Equity', 'Pfizer Inc', 'PFE.O', 'Common Stock', 'USD'),
    (2024, 'MRK', 'MRK US Equity', 'Merck & Co Inc', 'MRK.O', 'Common Stock', 'USD'),
    (2025, 'WMT', 'WMT US Equity', 'Walmart Inc', 'WMT.O', 'Common Stock', 'USD'),
    (2026, 'HD', 'HD US Equity', 'Home Depot Inc', 'HD.O', 'Common Stock', 'USD'),
    (2027, 'NKE', 'NKE US Equity', 'Nike Inc Class B', 'NKE.O', 'Common Stock', 'USD'),
    (2028, 'SBUX', 'SBUX US Equity', 'Starbucks Corp', 'SBUX.O', 'Common Stock', 'USD'),
    (2029, 'BARC', 'BARC LN Equity', 'Barclays PLC', 'BARC.L', 'Common Stock', 'GBP'),
    (2030, 'HSBA', 'HSBA LN Equity', 'HSBC Holdings PLC', 'HSBA.L', 'Common Stock', 'GBP'),
    (2031, 'VOD', 'VOD LN Equity', 'Vodafone Group PLC', 'VOD.L', 'Common Stock', 'GBP'),
    (2032, 'SPY', 'SPY US Equity', 'SPDR S&P 500 ETF Trust', 'SPY.O', 'ETF', 'USD'),
    (2033, 'QQQ', 'QQQ US Equity', 'Invesco QQQ Trust', 'QQQ.O', 'ETF', 'USD');
INSERT INTO bo_airflow.oracle_portfolio_group (id, name, desk) VALUES
    (3001, 'US Tech Long/Short', 'Equities'), (3002, 'Global Financials', 'Equities'), (3003, 'Energy Macro', 'Fixed Income');
INSERT INTO bo_airflow.oracle_portfolio_meta_data (id, portfolio_group_id, meta_key, meta_value) VALUES
    (3101, 3001, 'strategy', 'long/short'), (3102, 3002, 'strategy', 'value'), (3103, 3003, 'strategy', 'macro');
-- The firm trades NVDA, AMZN, JPM, BAC and XOM: personal trades in them are conflicts (advisory only).
INSERT INTO bo_airflow.oracle_position (id, portfolio_group_id, security_id, quantity, position_date)
SELECT 4000 + row_number() OVER (), g, b.id, q, CURRENT_DATE - 1
FROM (VALUES (3001, 'NVDA', 25000), (3001, 'AMZN', 12000), (3002, 'JPM', 40000), (3002, 'BAC', -15000), (3003, 'XOM', 8000))
     AS p(g, t, q)
JOIN bo_airflow.oracle_bloomberg b ON b.ticker = p.t;
INSERT INTO bo_airflow.oracle_product_usage (id, inst_type, usage) VALUES
    (6001, 'Common Stock', 'personal dealing allowed'), (6002, 'ETF', 'personal dealing allowed');
INSERT INTO bo_airflow.oracle_employee_log (id, employee_id, event, logged_at)
SELECT 7000 + id - 1000, id, 'joined', start_date::timestamptz FROM bo_airflow.oracle_employee;
