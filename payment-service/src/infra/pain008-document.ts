import { createHash } from 'node:crypto';
import { toDecimalText } from '@boissipay/money';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CollectionBatch, CollectionTransaction, PaymentInformationBlock } from '../domain/collection-batch';

export const PAIN008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08';

/** Who collects: the creditor of every transaction, from PAYMENT_CREDITOR_*. */
export interface Creditor {
  name: string;
  /** SEPA creditor identifier (ICS). */
  creditorId: string;
  iban: string;
  bic: string;
}

/** Max140Text: names and remittance information longer than the schema allows are cut, never refused. */
const max140 = (text: string): string => text.slice(0, 140);

/**
 * The message id of a batch: the date and a digest of its end-to-end ids, so the same
 * transactions always give the same id (a bank refuses a message id it has seen with another
 * content), and a batch that grew since it was fetched gets a new one. 23 characters (Max35Text).
 */
export function messageIdOf(batch: CollectionBatch): string {
  const digest = createHash('sha256');
  for (const block of batch.blocks) for (const transaction of block.transactions) digest.update(`${transaction.debitKey}\n`);
  return `SDD${batch.collectionDate.replaceAll('-', '')}${digest.digest('hex').slice(0, 12).toUpperCase()}`;
}

/**
 * The batch as an ISO 20022 pain.008.001.08 Customer Direct Debit Initiation (SEPA Core), built
 * element by element with xmlbuilder2 (escaping and the namespace are the library's), in the
 * order the schema (specs/iso20022/pain.008.001.08.xsd) requires. Amounts are the integers of
 * minor units written as decimal text (@boissipay/money), never floats.
 */
export function pain008DocumentOf(batch: CollectionBatch, creditor: Creditor, createdAt: Date): string {
  const amount = (minor: number) => toDecimalText(minor, batch.currency);
  const messageId = messageIdOf(batch);
  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele(PAIN008_NAMESPACE, 'Document');
  const initiation = document.ele('CstmrDrctDbtInitn');

  const header = initiation.ele('GrpHdr');
  header.ele('MsgId').txt(messageId);
  header.ele('CreDtTm').txt(`${createdAt.toISOString().slice(0, 19)}Z`);
  header.ele('NbOfTxs').txt(String(batch.numberOfTransactions));
  header.ele('CtrlSum').txt(amount(batch.controlSumMinor));
  header.ele('InitgPty').ele('Nm').txt(max140(creditor.name));

  for (const block of batch.blocks) writePaymentInformation(initiation.ele('PmtInf'), block, { batch, creditor, messageId, amount });
  return document.end({ prettyPrint: true });
}

interface BlockContext {
  batch: CollectionBatch;
  creditor: Creditor;
  messageId: string;
  amount: (minor: number) => string;
}

function writePaymentInformation(info: XMLBuilder, block: PaymentInformationBlock, { batch, creditor, messageId, amount }: BlockContext): void {
  info.ele('PmtInfId').txt(`${messageId}-${block.sequenceType}`);
  info.ele('PmtMtd').txt('DD');
  info.ele('BtchBookg').txt('true');
  info.ele('NbOfTxs').txt(String(block.transactions.length));
  info.ele('CtrlSum').txt(amount(block.controlSumMinor));
  const type = info.ele('PmtTpInf');
  type.ele('SvcLvl').ele('Cd').txt('SEPA');
  type.ele('LclInstrm').ele('Cd').txt('CORE');
  type.ele('SeqTp').txt(block.sequenceType);
  info.ele('ReqdColltnDt').txt(batch.collectionDate);
  info.ele('Cdtr').ele('Nm').txt(max140(creditor.name));
  info.ele('CdtrAcct').ele('Id').ele('IBAN').txt(creditor.iban);
  info.ele('CdtrAgt').ele('FinInstnId').ele('BICFI').txt(creditor.bic);
  info.ele('ChrgBr').txt('SLEV');
  const schemeId = info.ele('CdtrSchmeId').ele('Id').ele('PrvtId').ele('Othr');
  schemeId.ele('Id').txt(creditor.creditorId);
  schemeId.ele('SchmeNm').ele('Prtry').txt('SEPA');
  for (const transaction of block.transactions) writeTransaction(info.ele('DrctDbtTxInf'), transaction, amount);
}

function writeTransaction(entry: XMLBuilder, transaction: CollectionTransaction, amount: (minor: number) => string): void {
  entry.ele('PmtId').ele('EndToEndId').txt(transaction.debitKey);
  entry.ele('InstdAmt', { Ccy: transaction.currency }).txt(amount(transaction.amountMinor));
  const mandate = entry.ele('DrctDbtTx').ele('MndtRltdInf');
  mandate.ele('MndtId').txt(transaction.mandateRef);
  mandate.ele('DtOfSgntr').txt(transaction.mandateSignedAt);
  const debtorAgent = entry.ele('DbtrAgt').ele('FinInstnId');
  // A mandate without a BIC (optional within SEPA since 2016): the agent is "not provided", as the EPC guidelines write it.
  if (transaction.bic) debtorAgent.ele('BICFI').txt(transaction.bic);
  else debtorAgent.ele('Othr').ele('Id').txt('NOTPROVIDED');
  entry.ele('Dbtr').ele('Nm').txt(max140(transaction.debtorName));
  entry.ele('DbtrAcct').ele('Id').ele('IBAN').txt(transaction.iban);
  entry.ele('RmtInf').ele('Ustrd').txt(max140(transaction.remittanceInformation));
}
