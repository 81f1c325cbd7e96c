// IMP.certification: identity verification (V1 "본인인증"), through the same
// windows as a payment. The service keeps the verified identity; the merchant's
// server reads it with GET /certifications/{imp_uid}.
import type { Carrier, Pg } from './codes';
import type { ImpResponse } from './response';

/** The params of IMP.certification. */
export interface CertificationParams {
  /** The console's channel key of a certification channel. Default: none. */
  channelKey?: string;
  /** Certification provider ("danal", "inicis_unified", ...). Default: the merchant's certification channel. */
  pg?: Pg;
  /**
   * The merchant's id for this verification, at most 40 characters. Pass ""
   * to have one generated (`nobody_<ms>`).
   */
  merchant_uid: string;
  /** Refuse buyers younger than this many years (danal). Default: no limit. */
  min_age?: number;
  /** Prefills the buyer's name (danal). Default: empty. */
  name?: string;
  /** Prefills the buyer's phone number (danal). Default: empty. */
  phone?: string;
  /** Prefills and fixes the carrier (danal). Default: the buyer picks. */
  carrier?: Carrier;
  /** The site's name or URL shown to the buyer. Default: the merchant's name. */
  company?: string;
  /**
   * Where a phone lands after a redirect verification; the query carries
   * `imp_uid`, `merchant_uid` and `success`. Default: none (the overlay).
   */
  m_redirect_url?: string;
  /** true: a popup; false: never a popup. Default: the iframe overlay on PC. */
  popup?: boolean;
}

/** The answer to IMP.certification. On failure (F0000: cancelled) `error_code` / `error_msg`. */
export interface CertificationResponse extends ImpResponse {
  /** Provider that verified the buyer. */
  pg_provider?: Pg;
  /** "certification" for certifications. */
  pg_type?: 'certification';
}

/** A certification callback; may be async, and its return value is ignored. */
export type CertificationResponseCallback = (response: CertificationResponse) => void;
