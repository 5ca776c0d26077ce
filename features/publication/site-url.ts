/**
 * The site's public origin for absolute addresses (sitemap.xml, robots.txt, canonical
 * links): NEXTAUTH_URL, which the deployment sets to the address visitors use (behind a
 * reverse proxy too; scripts/serve.ts reads it the same way).
 */
export function siteOrigin(): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return "http://localhost:3000";
  }
}
