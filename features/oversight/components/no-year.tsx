/** A finance-bureau page before any year has projects: its title and why there is nothing to show. */
export function NoYearYet({ title }: { title: string }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">还没有任何年度的项目。</p>
    </div>
  );
}
