import type { MetadataRoute } from "next";
import { siteOrigin } from "@/features/publication/site-url";

export const dynamic = "force-dynamic";

/** Search engines index the public pages (sitemap.xml) and stay out of the signed-in workspace. */
export default function robots(): MetadataRoute.Robots {
  const origin = siteOrigin();
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/portal", "/published/", "/api/portal/"],
      disallow: ["/api/", "/portal-render/", "/portal/search", "/login", "/dashboard", "/projects", "/reports", "/final-accounts", "/admin", "/audit"],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}
