/** Demo accounts, one per role. Printed by `npm start` and listed in the README. */
import type { Role } from "../../lib/generated/prisma/enums";

export type DemoAccount = {
  username: string;
  password: string;
  name: string;
  role: Role;
  roleLabel: string;
  departmentCode: string | null;
  departmentLabel: string;
};

export const DEMO_DEPARTMENT_CODE = "gy-swbb";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", password: "Admin@2020", name: "系统管理员", role: "ADMIN", roleLabel: "系统管理员", departmentCode: null, departmentLabel: "" },
  { username: "reviewer", password: "Review@2020", name: "王审核（市财政局）", role: "REVIEWER", roleLabel: "财政审核人", departmentCode: null, departmentLabel: "" },
  { username: "owner", password: "Owner@2020", name: "李填报", role: "OWNER", roleLabel: "项目填报人", departmentCode: DEMO_DEPARTMENT_CODE, departmentLabel: "市委编办" },
  {
    username: "deptreviewer",
    password: "DeptReview@2020",
    name: "部门审核人（演示）",
    role: "DEPT_REVIEWER",
    roleLabel: "部门审核人",
    departmentCode: DEMO_DEPARTMENT_CODE,
    departmentLabel: "市委编办",
  },
];
