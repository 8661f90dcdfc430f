CREATE SEQUENCE "public"."contract_ref_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "contracts" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"contract_ref" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"product_ref" text NOT NULL,
	"contract_type" text NOT NULL,
	"created_at" date NOT NULL,
	"signed_at" date,
	"activated_at" date NOT NULL,
	"expire_at" date NOT NULL,
	"terminated_at" date,
	"subscriber_ref" text NOT NULL,
	"customer_ref" text,
	"subscriber" jsonb NOT NULL,
	"distributor" jsonb NOT NULL,
	"mandate" jsonb NOT NULL,
	"limit_amount_minor" bigint NOT NULL,
	"limit_currency" text NOT NULL,
	"billing_contact" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_contract_ref_unique" UNIQUE("contract_ref")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"client_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"contract_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_idempotency_key_pk" PRIMARY KEY("client_id","idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "contracts_customer_ref_idx" ON "contracts" USING btree ("customer_ref");--> statement-breakpoint
CREATE INDEX "contracts_subscriber_ref_idx" ON "contracts" USING btree ("subscriber_ref");--> statement-breakpoint
CREATE INDEX "contracts_status_idx" ON "contracts" USING btree ("status","contract_ref");--> statement-breakpoint
CREATE INDEX "contracts_expirable_idx" ON "contracts" USING btree ("expire_at") WHERE "contracts"."status" in ('ACTIVE', 'SUSPENDED');