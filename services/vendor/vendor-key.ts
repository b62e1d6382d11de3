// What a vendor request carries once its API key is authenticated: the key's id, vendor and
// the defaults its leads take.
export interface VendorKeyContext {
  id: string;
  vendorName: string;
  platform: string;
  rateLimitPerMinute: number;
  defaultSessionYear: string | null;
  defaultSalesHeadId: string | null;
}
