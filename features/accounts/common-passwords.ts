/**
 * Passwords too common to allow (compared lowercase). A small list on purpose: the
 * most frequent ones in published leak statistics, plus the ones a Chinese office
 * tends to choose (pinyin, keyboard walks, dates, the product's own name).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [
  "123456", "123456789", "12345678", "1234567890", "0123456789", "12345678910", "1234567891", "123123123", "123321123", "1111111111",
  "0000000000", "8888888888", "6666666666", "5201314520", "1314520520", "a123456789", "aa123456789", "abc1234567", "abcd123456",
  "abcdefghij", "abc123456789", "qwertyuiop", "qwerty1234", "qwe1234567", "qweasdzxc1", "1qaz2wsx3edc", "1q2w3e4r5t", "q1w2e3r4t5",
  "zxcvbnm123", "asdfghjkl1", "password", "password1", "password12", "password123", "passw0rd123", "p@ssw0rd123", "p@ssword123",
  "iloveyou12", "woaini1314", "woaini520", "woaini123456", "admin12345", "admin123456", "administrator", "admin@123456",
  "root123456", "test123456", "user123456", "welcome123", "changeme123", "letmein123", "football12", "baseball12", "sunshine12",
  "princess12", "dragon1234", "monkey1234", "master1234", "superman12", "trustno1234", "computer12", "internet12", "china12345",
  "zhongguo123", "beijing123", "shanghai123", "caizheng123", "caizhengju", "jixiao123", "jixiao1234", "jixiao12345", "jixiao@123",
  "jixiao2024", "jixiao2025", "jixiao2026", "jixiao123456", "demo123456", "demo1234567", "huawei123", "xiaomi123456", "baidu123456",
  "qq123456789", "a1b2c3d4e5", "aaaaaaaaaa", "abcabcabc1", "1234qwer!@", "1234qwerasdf", "qwer1234!@#$", "!qaz2wsx3edc",
  "p@ssw0rd!", "password!1", "Aa123456789", "aa12345678", "zz12345678", "11223344556", "1122334455", "a1234567890", "5211314521",
  "19900101", "19800101", "20000101", "1990010100", "2000010100", "abc@123456", "abcd@12345", "admin@1234", "admin#1234", "Admin@123",
  ].map((p) => p.toLowerCase()),
);
