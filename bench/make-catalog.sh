#!/usr/bin/env bash
# Writes a catalog CSV of N products (as a supermarket exports it) for benchmarks, without the demo generator:
#   bench/make-catalog.sh N [FILE]      (FILE defaults to standard output)
# Header barcode,name,category,unit,price,cost,plu; UTF-8 Chinese names (brand + kind + variant + size), valid
# EAN-13 barcodes 69xxxxxxxxxxC, one weighed product with a PLU in every 200, and the barcode
# 6919055412406 (海天 生抽 500ml) always present in the middle of the file. Deterministic: the same N gives the same file.
set -euo pipefail
N=${1:?usage: make-catalog.sh N [FILE]}
OUT=${2:-/dev/stdout}
awk -v n="$N" 'BEGIN {
  nb = split("康师傅 统一 娃哈哈 伊利 蒙牛 旺旺 达利园 盼盼 三只松鼠 良品铺子 洽洽 好丽友 徐福记 金锣 双汇 海天 李锦记 太太乐 雕牌 蓝月亮 维达 清风 光明 君乐宝 元气森林 今麦郎 白象 五谷道场 农夫 怡宝 农夫山泉 百事 可口可乐 雀巢 奥利奥 乐事 上好佳 卫龙 王老吉 加多宝", brand, " ")
  nk = split("矿泉水:饮料:瓶:150 绿茶:饮料:瓶:300 果汁:饮料:瓶:450 苏打水:饮料:瓶:400 纯牛奶:乳品:盒:350 酸奶:乳品:杯:550 饼干:休闲零食:袋:680 薯片:休闲零食:袋:720 瓜子:休闲零食:袋:990 坚果:休闲零食:罐:2990 面包:烘焙:袋:590 蛋糕:烘焙:盒:1290 方便面:方便食品:袋:400 火腿肠:肉制品:袋:990 酱油:调味品:瓶:1090 醋:调味品:瓶:790 鸡精:调味品:袋:890 洗衣粉:日化:袋:1590 洗洁精:日化:瓶:990 纸巾:日化:提:1990 牙膏:日化:支:1290 香皂:日化:块:590 啤酒:酒水:罐:450 白酒:酒水:瓶:3900 大米:粮油:袋:3990 花生油:粮油:桶:8990", kind, " ")
  nv = split("小包装 家庭装 经典装 特惠装 礼盒装 迷你装 加量装 原味 香辣味 清爽型 低糖 无糖 五香 麻辣 海盐 蜂蜜", variant, " ")
  ns = split("100g 200g 250ml 330ml 500ml 550ml 1L 1.5L 5kg 12入", size, " ")
  nf = split("苹果 香蕉 砂糖橘 西红柿 黄瓜 土豆 五花肉 猪里脊 鸡胸肉 大白菜 散装花生 草鱼 鸡蛋 葡萄 西瓜", fresh, " ")
  print "barcode,name,category,unit,price,cost,plu"
  special = int(n / 2)
  plu = 10000
  for (i = 1; i <= n; i++) {
    if (i == special) { print "6919055412406,海天 生抽 500ml,调味品,瓶,9.90,7.20,"; continue }
    if (i % 200 == 0) {
      plu++
      f = fresh[(i / 200) % nf + 1]
      p = 198 + (i * 37) % 3000
      printf ",散装%s %d号,生鲜,kg,%d.%02d,,%d\n", f, plu, int(p / 100), p % 100, plu
      continue
    }
    body = sprintf("69%010d", i * 7919 % 10000000000)   # 69 + 10 digits, spread out, unique for n < 10^10 / 7919
    sum = 0
    for (d = 1; d <= 12; d++) sum += substr(body, d, 1) * ((d % 2) ? 1 : 3)
    check = (10 - sum % 10) % 10
    b = brand[i % nb + 1]; split(kind[int(i / nb) % nk + 1], k, ":")
    v = variant[int(i / (nb * nk)) % nv + 1]; s = size[int(i / 7) % ns + 1]
    p = k[4] + (i * 13) % 500
    c = int(p * 0.72)
    printf "%s%d,%s%s %s %s,%s,%s,%d.%02d,%d.%02d,\n", body, check, b, k[1], v, s, k[2], k[3], int(p / 100), p % 100, int(c / 100), c % 100
  }
}' > "$OUT"
