/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the checkout service; default http://localhost:4020 (npm start). */
  readonly VITE_IMP_SERVICE_URL?: string;
  /** The merchant code for IMP.init; default the sandbox's demo merchant. */
  readonly VITE_IMP_MERCHANT_CODE?: string;
}
