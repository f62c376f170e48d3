// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title P2PEscrow
/// @notice Non-custodial escrow for peer-to-peer trades: a seller locks ETH or an allow-listed ERC-20 for a buyer
/// who pays fiat off-chain. The seller can never take the money back once the buyer has marked the trade paid;
/// disagreements go to a moderator, who can only split the amount between the two parties.
contract P2PEscrow is AccessControl, ReentrancyGuard, Pausable {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Funded,
        Paid,
        Completed,
        Cancelled,
        Disputed,
        Resolved
    }

    struct Trade {
        address seller;
        Status status;
        uint16 feeBps;
        uint64 expiresAt;
        address buyer;
        address token;
        uint256 amount;
    }

    bytes32 public constant MODERATOR_ROLE = keccak256("MODERATOR_ROLE");
    uint16 public constant BPS_DENOMINATOR = 10_000;
    uint16 public constant MAX_FEE_BPS = 500;
    /// @notice After expiry the seller waits this long before cancelling, so a buyer's last-second markPaid
    /// cannot be front-run by a seller cancel.
    uint64 public constant SELLER_CANCEL_GRACE = 10 minutes;
    uint64 public constant MIN_PAYMENT_WINDOW_FLOOR = 1 minutes;
    uint64 public constant MAX_PAYMENT_WINDOW_CEILING = 30 days;
    /// @notice Gas forwarded with an ETH payout: enough for smart-contract wallets, bounded so a recipient
    /// cannot make the other party's transaction arbitrarily expensive.
    uint256 public constant ETH_PAYOUT_GAS = 100_000;

    uint16 public feeBps;
    address public feeRecipient;
    uint64 public minPaymentWindow;
    uint64 public maxPaymentWindow;

    mapping(address token => bool allowed) public allowedTokens;
    /// @notice Payouts whose push failed, claimable with {withdraw}. `address(0)` is ETH.
    mapping(address account => mapping(address token => uint256 amount)) public pendingWithdrawals;
    mapping(bytes32 tradeId => Trade trade) private _trades;

    event TradeCreated(
        bytes32 indexed tradeId,
        address indexed seller,
        address indexed buyer,
        address token,
        uint256 amount,
        uint16 feeBps,
        uint64 expiresAt
    );
    event TradePaid(bytes32 indexed tradeId);
    event TradeCompleted(bytes32 indexed tradeId, uint256 buyerAmount, uint256 fee);
    event TradeCancelled(bytes32 indexed tradeId, address indexed by);
    event DisputeOpened(bytes32 indexed tradeId, address indexed by);
    event DisputeResolved(
        bytes32 indexed tradeId,
        address indexed moderator,
        uint16 buyerBps,
        uint256 buyerAmount,
        uint256 sellerAmount,
        uint256 fee
    );
    event PayoutDeferred(bytes32 indexed tradeId, address indexed to, uint256 amount);
    event Withdrawn(address indexed account, address indexed token, address to, uint256 amount);
    event FeeUpdated(uint16 feeBps, address feeRecipient);
    event TokenAllowed(address indexed token, bool allowed);
    event PaymentWindowBoundsUpdated(uint64 minPaymentWindow, uint64 maxPaymentWindow);

    error TradeAlreadyExists(bytes32 tradeId);
    error TradeNotFound(bytes32 tradeId);
    error InvalidStatus(bytes32 tradeId, Status status);
    error NotSeller(bytes32 tradeId, address caller);
    error NotBuyer(bytes32 tradeId, address caller);
    error NotParty(bytes32 tradeId, address caller);
    error ModeratorIsParty(bytes32 tradeId, address moderator);
    error InvalidBuyer(address buyer);
    error InvalidAmount();
    error TokenNotAllowed(address token);
    error IncorrectEthValue(uint256 expected, uint256 actual);
    error PaymentWindowOutOfBounds(uint64 paymentWindow, uint64 minPaymentWindow, uint64 maxPaymentWindow);
    error PaymentWindowBoundsInvalid(uint64 minPaymentWindow, uint64 maxPaymentWindow);
    error PaymentWindowExpired(bytes32 tradeId, uint64 expiresAt);
    error CancelNotYetAllowed(bytes32 tradeId, uint64 allowedAt);
    error TransferShortfall(uint256 expected, uint256 received);
    error FeeTooHigh(uint16 feeBps, uint16 maxFeeBps);
    error InvalidBuyerBps(uint16 buyerBps);
    error ZeroAddress();
    error NothingToWithdraw(address account, address token);
    error InvalidRecipient(address to);
    error EthTransferFailed(address to, uint256 amount);

    constructor(
        address admin,
        address feeRecipient_,
        uint16 feeBps_,
        uint64 minPaymentWindow_,
        uint64 maxPaymentWindow_
    ) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFee(feeBps_, feeRecipient_);
        _setPaymentWindowBounds(minPaymentWindow_, maxPaymentWindow_);
    }

    // ---------------------------------------------------------------- trade lifecycle

    /// @notice Seller locks `amount` of `token` (address(0) for ETH) for `buyer`. The trade id is
    /// {tradeIdOf}(seller, salt): bound to the seller, so whoever copies a pending createTrade opens a trade of their
    /// own under another id and can neither take nor block the seller's.
    function createTrade(bytes32 salt, address buyer, address token, uint256 amount, uint64 paymentWindow)
        external
        payable
        nonReentrant
        whenNotPaused
    {
        bytes32 tradeId = tradeIdOf(msg.sender, salt);
        if (_trades[tradeId].seller != address(0)) revert TradeAlreadyExists(tradeId);
        // The escrow as buyer would lock the payout in the escrow itself.
        if (buyer == address(0) || buyer == msg.sender || buyer == address(this)) revert InvalidBuyer(buyer);
        if (amount == 0) revert InvalidAmount();
        if (paymentWindow < minPaymentWindow || paymentWindow > maxPaymentWindow) {
            revert PaymentWindowOutOfBounds(paymentWindow, minPaymentWindow, maxPaymentWindow);
        }
        if (token == address(0)) {
            if (msg.value != amount) revert IncorrectEthValue(amount, msg.value);
        } else {
            if (msg.value != 0) revert IncorrectEthValue(0, msg.value);
            if (!allowedTokens[token]) revert TokenNotAllowed(token);
        }

        uint64 expiresAt = uint64(block.timestamp) + paymentWindow;
        uint16 tradeFeeBps = feeBps;
        _trades[tradeId] = Trade({
            seller: msg.sender,
            status: Status.Funded,
            feeBps: tradeFeeBps,
            expiresAt: expiresAt,
            buyer: buyer,
            token: token,
            amount: amount
        });
        emit TradeCreated(tradeId, msg.sender, buyer, token, amount, tradeFeeBps, expiresAt);

        if (token != address(0)) {
            // Credit only what actually arrived: a fee-on-transfer token must not under-fund a trade.
            uint256 balanceBefore = IERC20(token).balanceOf(address(this));
            IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
            uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
            if (received != amount) revert TransferShortfall(amount, received);
        }
    }

    /// @notice Buyer declares the fiat payment sent. From now on the seller can no longer cancel.
    function markPaid(bytes32 tradeId) external nonReentrant {
        Trade storage trade = _existing(tradeId);
        if (msg.sender != trade.buyer) revert NotBuyer(tradeId, msg.sender);
        if (trade.status != Status.Funded) revert InvalidStatus(tradeId, trade.status);
        if (block.timestamp >= trade.expiresAt) revert PaymentWindowExpired(tradeId, trade.expiresAt);

        trade.status = Status.Paid;
        emit TradePaid(tradeId);
    }

    /// @notice Seller releases the crypto: the amount minus the trade's fee goes to the buyer.
    function release(bytes32 tradeId) external nonReentrant {
        Trade storage trade = _existing(tradeId);
        if (msg.sender != trade.seller) revert NotSeller(tradeId, msg.sender);
        if (trade.status != Status.Funded && trade.status != Status.Paid) revert InvalidStatus(tradeId, trade.status);

        uint256 fee = (trade.amount * trade.feeBps) / BPS_DENOMINATOR;
        uint256 buyerAmount = trade.amount - fee;
        trade.status = Status.Completed;
        emit TradeCompleted(tradeId, buyerAmount, fee);

        _payout(tradeId, trade.buyer, trade.token, buyerAmount);
        _payout(tradeId, feeRecipient, trade.token, fee);
    }

    /// @notice Full refund to the seller, no fee. The buyer may cancel while Funded or Paid; the seller only while
    /// Funded and once the payment window plus the grace period has passed.
    function cancel(bytes32 tradeId) external nonReentrant {
        Trade storage trade = _existing(tradeId);
        if (msg.sender == trade.buyer) {
            if (trade.status != Status.Funded && trade.status != Status.Paid) {
                revert InvalidStatus(tradeId, trade.status);
            }
        } else if (msg.sender == trade.seller) {
            if (trade.status != Status.Funded) revert InvalidStatus(tradeId, trade.status);
            uint64 allowedAt = trade.expiresAt + SELLER_CANCEL_GRACE;
            if (block.timestamp < allowedAt) revert CancelNotYetAllowed(tradeId, allowedAt);
        } else {
            revert NotParty(tradeId, msg.sender);
        }

        trade.status = Status.Cancelled;
        emit TradeCancelled(tradeId, msg.sender);

        _payout(tradeId, trade.seller, trade.token, trade.amount);
    }

    /// @notice Either party asks a moderator to decide, only once the buyer has marked the trade paid.
    function openDispute(bytes32 tradeId) external nonReentrant {
        Trade storage trade = _existing(tradeId);
        if (msg.sender != trade.buyer && msg.sender != trade.seller) revert NotParty(tradeId, msg.sender);
        if (trade.status != Status.Paid) revert InvalidStatus(tradeId, trade.status);

        trade.status = Status.Disputed;
        emit DisputeOpened(tradeId, msg.sender);
    }

    /// @notice Moderator splits a disputed trade: `buyerBps` of the amount to the buyer (minus the fee, which is
    /// taken on the buyer's share only), the rest to the seller. The rounding remainder goes to the seller, so
    /// buyerAmount + sellerAmount + fee always equals the amount.
    function resolveDispute(bytes32 tradeId, uint16 buyerBps) external nonReentrant onlyRole(MODERATOR_ROLE) {
        Trade storage trade = _existing(tradeId);
        if (trade.status != Status.Disputed) revert InvalidStatus(tradeId, trade.status);
        if (buyerBps > BPS_DENOMINATOR) revert InvalidBuyerBps(buyerBps);
        if (msg.sender == trade.buyer || msg.sender == trade.seller) revert ModeratorIsParty(tradeId, msg.sender);

        uint256 buyerShare = (trade.amount * buyerBps) / BPS_DENOMINATOR;
        uint256 fee = (buyerShare * trade.feeBps) / BPS_DENOMINATOR;
        uint256 buyerAmount = buyerShare - fee;
        uint256 sellerAmount = trade.amount - buyerShare;
        trade.status = Status.Resolved;
        emit DisputeResolved(tradeId, msg.sender, buyerBps, buyerAmount, sellerAmount, fee);

        _payout(tradeId, trade.buyer, trade.token, buyerAmount);
        _payout(tradeId, trade.seller, trade.token, sellerAmount);
        _payout(tradeId, feeRecipient, trade.token, fee);
    }

    /// @notice Claims payouts whose push failed, sending them to `to` (a contract wallet that rejects ETH, or a
    /// blacklisted address, names another destination).
    function withdraw(address token, address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        // Sent to the escrow itself, the amount would stay there with nobody's claim on it.
        if (to == address(this)) revert InvalidRecipient(to);
        uint256 amount = pendingWithdrawals[msg.sender][token];
        if (amount == 0) revert NothingToWithdraw(msg.sender, token);

        pendingWithdrawals[msg.sender][token] = 0;
        emit Withdrawn(msg.sender, token, to, amount);

        if (token == address(0)) {
            (bool sent,) = payable(to).call{value: amount}("");
            if (!sent) revert EthTransferFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }

    /// @notice The id of the trade `seller` creates with `salt`.
    function tradeIdOf(address seller, bytes32 salt) public pure returns (bytes32) {
        return keccak256(abi.encode(seller, salt));
    }

    function getTrade(bytes32 tradeId) external view returns (Trade memory) {
        return _trades[tradeId];
    }

    // ---------------------------------------------------------------- administration (never touches escrowed funds)

    function setFee(uint16 feeBps_, address feeRecipient_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setFee(feeBps_, feeRecipient_);
    }

    function setTokenAllowed(address token, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (token == address(0)) revert ZeroAddress();
        allowedTokens[token] = allowed;
        emit TokenAllowed(token, allowed);
    }

    function setPaymentWindowBounds(uint64 minPaymentWindow_, uint64 maxPaymentWindow_)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _setPaymentWindowBounds(minPaymentWindow_, maxPaymentWindow_);
    }

    /// @notice Stops new trades only; every trade already funded can still be paid, released, cancelled or resolved.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    // ---------------------------------------------------------------- internals

    function _existing(bytes32 tradeId) private view returns (Trade storage trade) {
        trade = _trades[tradeId];
        if (trade.seller == address(0)) revert TradeNotFound(tradeId);
    }

    /// @dev Pushes a payout; when the push fails the amount is credited for {withdraw}, so one party's address
    /// can never freeze the other party's money.
    function _payout(bytes32 tradeId, address to, address token, uint256 amount) private {
        if (amount == 0) return;
        bool sent;
        if (token == address(0)) {
            uint256 gasLimit = ETH_PAYOUT_GAS;
            // Return data is never copied, so a recipient cannot make the payout run out of gas with it.
            assembly ("memory-safe") {
                sent := call(gasLimit, to, amount, 0, 0, 0, 0)
            }
        } else {
            sent = IERC20(token).trySafeTransfer(to, amount);
        }
        if (!sent) {
            pendingWithdrawals[to][token] += amount;
            emit PayoutDeferred(tradeId, to, amount);
        }
    }

    function _setFee(uint16 feeBps_, address feeRecipient_) private {
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        if (feeRecipient_ == address(0)) revert ZeroAddress();
        feeBps = feeBps_;
        feeRecipient = feeRecipient_;
        emit FeeUpdated(feeBps_, feeRecipient_);
    }

    function _setPaymentWindowBounds(uint64 minPaymentWindow_, uint64 maxPaymentWindow_) private {
        if (
            minPaymentWindow_ < MIN_PAYMENT_WINDOW_FLOOR || maxPaymentWindow_ > MAX_PAYMENT_WINDOW_CEILING
                || minPaymentWindow_ > maxPaymentWindow_
        ) revert PaymentWindowBoundsInvalid(minPaymentWindow_, maxPaymentWindow_);
        minPaymentWindow = minPaymentWindow_;
        maxPaymentWindow = maxPaymentWindow_;
        emit PaymentWindowBoundsUpdated(minPaymentWindow_, maxPaymentWindow_);
    }
}
