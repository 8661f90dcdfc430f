#!/bin/sh
# Run by the postgres image once, when its data volume is empty (docker-entrypoint-initdb.d):
# one login role and one database per service, the database owned by its role. A service thus
# migrates its own database and cannot open another's. The passwords come from the stack's
# settings (.env); docker-compose.yml passes them to this container.
#
# To change a password later: ALTER ROLE boissipay_billing PASSWORD '…'; then update .env.
set -e

create_service_database() {
  name="$1"
  password="$2"
  psql --set ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
    --set name="$name" --set password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
  echo "created database and role $name"
}

create_service_database boissipay_contract "${CONTRACT_DB_PASSWORD:?CONTRACT_DB_PASSWORD is not set}"
create_service_database boissipay_billing "${BILLING_DB_PASSWORD:?BILLING_DB_PASSWORD is not set}"
create_service_database boissipay_payment "${PAYMENT_DB_PASSWORD:?PAYMENT_DB_PASSWORD is not set}"
create_service_database boissipay_mailer "${MAILER_DB_PASSWORD:?MAILER_DB_PASSWORD is not set}"
create_service_database boissipay_backoffice "${BACKOFFICE_DB_PASSWORD:?BACKOFFICE_DB_PASSWORD is not set}"
