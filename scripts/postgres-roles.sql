-- The least-privilege roles of a motcua store on PostgreSQL. Run as the server's (or managed
-- service's) administrator, with psql, naming the database, the roles and their passwords:
--
--   psql "postgresql://ADMIN@HOST:5432/postgres" -v ON_ERROR_STOP=1 \
--     -v db=motcua -v owner=motcua_owner -v importer=motcua_importer -v reader=motcua_reader \
--     -v owner_password=… -v importer_password=… -v reader_password=… \
--     -f scripts/postgres-roles.sql
--
-- owner:    owns the database; its first `motcua import` creates the tables (and a newer
--           motcua's migrates them). Use it for nothing else.
-- importer: `motcua import`, `imports remove`, `run`: reads and writes the data tables, may not
--           create or alter any table.
-- reader:   reports, `verify`, `explain`, `rejects`, `imports`: SELECT only; an import as this
--           role fails with "the store cannot be written (read-only)", exit 74.

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"importer" LOGIN PASSWORD :'importer_password';
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;

-- Only these three connect; the importer may make the temporary table an import stages its rows in.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner", :"importer";
GRANT CONNECT ON DATABASE :"db" TO :"reader";

\connect :"db"
-- Whatever the owner creates in the schema (now and in later migrations) is granted so.
GRANT :"owner" TO CURRENT_USER;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"importer";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE ON SEQUENCES TO :"importer";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT ON TABLES TO :"reader";
REVOKE :"owner" FROM CURRENT_USER;
