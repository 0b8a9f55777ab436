import { addMoney, allocateFen, formatYuan, money, multiplyMoney, MoneyError, sumMoney } from './money';

describe('Money', () => {
  it('adds and multiplies in integer fen', () => {
    expect(addMoney(money(150), money(275)).amountFen).toBe(425);
    expect(multiplyMoney(money(399), 12).amountFen).toBe(4788);
    expect(sumMoney([money(1), money(2), money(3)]).amountFen).toBe(6);
  });

  it('refuses fractional fen and fractional quantities', () => {
    expect(() => money(1.5)).toThrow(MoneyError);
    expect(() => multiplyMoney(money(100), 0.9)).toThrow(MoneyError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1)).toThrow(MoneyError);
  });

  it('allocates a total over weights so the parts add up exactly', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1001, [3, 7])).toEqual([300, 701]);
    expect(allocateFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const parts = allocateFen(9_999_999_999_999, [123_456_789, 987_654_321, 5]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_999_999_999_999);
  });

  it('formats yuan for people', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(-5)).toBe('-¥0.05');
  });
});
